namespace Quanet.Optimization.Qaoa;

/// <summary>
/// Derivative-free Nelder-Mead simplex minimisation (Nelder and Mead 1965) with the standard
/// coefficients: reflection 1, expansion 2, contraction 1/2, shrink 1/2.
/// </summary>
internal static class NelderMead
{
    public static (double[] X, double Value, int Evaluations) Minimize(
        Func<double[], double> f, double[] start, double step, int maxEvaluations, double tolerance, Func<bool> stop)
    {
        var d = start.Length;
        var points = new double[d + 1][];
        var values = new double[d + 1];
        var evaluations = 0;
        for (var k = 0; k <= d; k++)
        {
            points[k] = (double[])start.Clone();
            if (k > 0)
            {
                points[k][k - 1] += step;
            }

            values[k] = f(points[k]);
            evaluations++;
        }

        var centroid = new double[d];
        var trial = new double[d];
        var trial2 = new double[d];
        while (evaluations < maxEvaluations && !stop())
        {
            Array.Sort(values, points);
            if (values[d] - values[0] <= tolerance * (Math.Abs(values[0]) + tolerance))
            {
                break;
            }

            Array.Clear(centroid);
            for (var k = 0; k < d; k++)
            {
                for (var j = 0; j < d; j++)
                {
                    centroid[j] += points[k][j] / d;
                }
            }

            Along(centroid, points[d], 1.0, trial);
            var reflected = f(trial);
            evaluations++;
            if (reflected < values[0])
            {
                Along(centroid, points[d], 2.0, trial2);
                var expanded = f(trial2);
                evaluations++;
                Replace(points, values, d, expanded < reflected ? trial2 : trial, Math.Min(expanded, reflected));
            }
            else if (reflected < values[d - 1])
            {
                Replace(points, values, d, trial, reflected);
            }
            else
            {
                var outside = reflected < values[d];
                Along(centroid, points[d], outside ? 0.5 : -0.5, trial2);
                var contracted = f(trial2);
                evaluations++;
                if (contracted < Math.Min(reflected, values[d]))
                {
                    Replace(points, values, d, trial2, contracted);
                }
                else
                {
                    for (var k = 1; k <= d; k++)
                    {
                        for (var j = 0; j < d; j++)
                        {
                            points[k][j] = points[0][j] + (0.5 * (points[k][j] - points[0][j]));
                        }

                        values[k] = f(points[k]);
                        evaluations++;
                    }
                }
            }
        }

        Array.Sort(values, points);
        return (points[0], values[0], evaluations);
    }

    // centroid + t (centroid - worst): t = 1 reflects, 2 expands, 0.5 / -0.5 contract outside / inside
    private static void Along(double[] centroid, double[] worst, double t, double[] result)
    {
        for (var j = 0; j < centroid.Length; j++)
        {
            result[j] = centroid[j] + (t * (centroid[j] - worst[j]));
        }
    }

    private static void Replace(double[][] points, double[] values, int k, double[] x, double value)
    {
        Array.Copy(x, points[k], x.Length);
        values[k] = value;
    }
}
