namespace Quanet.Planning.Placement;

/// <summary>
/// Step-size control of Caprara, Fischetti and Toth (1999) for subgradient optimisation: every 20 iterations
/// the factor f is halved when the Lagrangian bound still swings by more than 1 % over them, and grown by half
/// when it moves by less than 0.1 %.
/// </summary>
/// <param name="factor">The starting factor.</param>
internal struct SubgradientStepSize(double factor)
{
    private double _windowBest = double.NegativeInfinity;
    private double _windowWorst = double.PositiveInfinity;
    private int _window;

    /// <summary>The current factor f.</summary>
    public double Factor { get; private set; } = factor;

    /// <summary>Takes one iteration's bound into the window, adapting <see cref="Factor"/> when the window is full.</summary>
    public void Observe(double lagrangian)
    {
        _windowBest = Math.Max(_windowBest, lagrangian);
        _windowWorst = Math.Min(_windowWorst, lagrangian);
        if (++_window < 20)
        {
            return;
        }

        var swing = (_windowBest - _windowWorst) / Math.Max(1e-9, Math.Abs(_windowBest));
        if (swing > 0.01)
        {
            Factor /= 2;
        }
        else if (swing < 0.001)
        {
            Factor *= 1.5;
        }

        _window = 0;
        _windowBest = double.NegativeInfinity;
        _windowWorst = double.PositiveInfinity;
    }
}
