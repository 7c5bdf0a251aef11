namespace Quanet.Operations.Kpi;

/// <summary>
/// A strictly streaming detector for KPI series with a daily and weekly rhythm (cell traffic, success
/// rates, PRB utilisation). The baseline of a value is its time-of-day slot's robust mean (slots from the
/// sampling interval: 96 at 15 minutes) plus a day-of-week offset and a slow level, both in units of the
/// slot's spread; the deviation from it, in those units (z), is scored two ways: a single value beyond
/// <see cref="SeasonalKpiOptions.PointZ"/> (a drop or a spike), and a two-sided CUSUM over clipped z
/// (a level shift or a slow degradation). Once an alarm has held the same way for
/// <see cref="SeasonalKpiOptions.AcceptShiftAfter"/> values by at least <see cref="SeasonalKpiOptions.AcceptShiftZ"/>
/// on average, the shift is taken as the new level, as after a configuration change; when, within
/// <see cref="SeasonalKpiOptions.RevertWithin"/> values, a value fits the level before the shift again, that
/// level is restored without an alarm (the shift was an outage that ended). Values within
/// <see cref="SeasonalKpiOptions.PointZ"/> enter the baseline winsorised; values beyond it do not.
/// </summary>
/// <remarks>
/// State: one float array of 3 per slot plus 14 (slot mean, spread and count; offset and count per
/// weekday) and about 200 bytes of fields; 1.4 KB per series at 96 slots. No allocation after the
/// second value.
/// </remarks>
internal sealed partial class SeasonalKpiDetector : IKpiDetector
{
    private const long SecondsPerDay = 86_400;
    private readonly SeasonalKpiOptions _options;
    private float[] _state = [];
    private int _slots;
    private long _slotSeconds;
    private bool _started;
    private long _first;
    private long _last;
    private double _pending;
    private double _level;
    private double _up;
    private double _down;
    private long _upStart;
    private long _downStart;
    private int _held;
    private double _heldSum;
    private double _heldValues;
    private double _heldExpected;
    private double _ratio = 1.0;
    private double _undoRatio = 1.0;
    private double _undoLevel;
    private int _undo;
    private bool _negative;

    /// <summary>Creates a detector with <paramref name="options"/> (default <see cref="SeasonalKpiOptions.Default"/>).</summary>
    public SeasonalKpiDetector(SeasonalKpiOptions? options = null)
    {
        _options = options ?? SeasonalKpiOptions.Default;
    }

    /// <inheritdoc />
    public double Expected { get; private set; } = double.NaN;

    /// <inheritdoc />
    public long WindowStart { get; private set; }

    /// <inheritdoc />
    public int StateBytes => 24 + (_state.Length * sizeof(float)) + 192;

    /// <summary>The deviation of the last scored value from its baseline in units of its slot's spread.</summary>
    public double LastZ { get; private set; }

    /// <summary>Time-of-day slots per day (0 until the second value gave the sampling interval).</summary>
    public int Slots => _slots;

    /// <inheritdoc />
    public double Update(long wallSeconds, double value)
    {
        Expected = double.NaN;
        WindowStart = wallSeconds;
        if (!_started)
        {
            _started = true;
            _first = _last = wallSeconds;
            _pending = value;
            return 0.0;
        }

        if (wallSeconds <= _last)
        {
            // a wall clock that repeats an hour (the end of summer time): the value is skipped, not scored
            return 0.0;
        }

        if (_slots == 0)
        {
            Allocate(wallSeconds - _last);
            Learn(_first, _pending);
        }

        _last = wallSeconds;
        return Score(wallSeconds, value);
    }

    private double Score(long wall, double value)
    {
        var slot = Slot(wall);
        var weekday = Weekday(wall);
        RollDay(wall);
        if (_state[(2 * _slots) + slot] < _options.MinSlotSamples)
        {
            Learn(wall, value);
            return 0.0;
        }

        _negative |= value < 0;
        var slotScale = Scale(slot);
        var scale = slotScale * _ratio;
        var offset = _level + WeekOffset(weekday);
        var mean = _state[slot] * _ratio;
        Expected = mean + (offset * scale);
        var z = ((value - mean) / scale) - offset;
        LastZ = z;
        var learning = wall - _first < _options.LearningDays * SecondsPerDay;
        _undo = Math.Max(0, _undo - 1);
        if (learning)
        {
            Absorb(slot, weekday, z, slotScale);
            return 0.0;
        }

        if (Math.Abs(z) > _options.CusumSlack && _undo > 0 && Reverted(value, mean / _ratio, slotScale, weekday))
        {
            // back to the level before the last accepted shift: the shift was an outage that has ended
            mean = _state[slot] * _ratio;
            scale = slotScale * _ratio;
            offset = _level + WeekOffset(weekday);
            Expected = mean + (offset * scale);
            z = ((value - mean) / scale) - offset;
            LastZ = z;
        }

        var clipped = Math.Clamp(z, -_options.CusumClip, _options.CusumClip);
        if (_up == 0 && clipped > _options.CusumSlack)
        {
            _upStart = wall;
        }

        if (_down == 0 && clipped < -_options.CusumSlack)
        {
            _downStart = wall;
        }

        _up = Math.Max(0.0, _up + clipped - _options.CusumSlack);
        _down = Math.Max(0.0, _down - clipped - _options.CusumSlack);
        var point = Math.Abs(z) / _options.PointZ;
        var cusum = Math.Max(_up, _down) / _options.CusumLimit;
        if (cusum > point)
        {
            WindowStart = _up >= _down ? _upStart : _downStart;
        }

        var score = 1.0 - Math.Pow(2.0, -Math.Max(point, cusum));
        if (score >= _options.AlarmScore)
        {
            Hold(z, value);
        }
        else
        {
            Release();
        }

        // a weak deviation enters the baseline winsorised even while it alarms, so a baseline that lags
        // catches up instead of alarming for days; an outlier or a drop does not
        if (Math.Abs(z) < _options.PointZ)
        {
            Absorb(slot, weekday, z, slotScale);
        }

        return score;
    }

    private void Hold(double z, double value)
    {
        if (_held > 0 && Math.Sign(z) != Math.Sign(_heldSum))
        {
            Release();
        }

        if (Math.Abs(z) <= _options.CusumSlack)
        {
            return;
        }

        _held++;
        _heldSum += z;
        _heldValues += value;
        _heldExpected += Expected;
        if (_held >= _options.AcceptShiftAfter && Math.Abs(_heldSum / _held) >= _options.AcceptShiftZ)
        {
            // the shift has held: it is the new normal (a configuration change, a new neighbour cell). A series that
            // was never negative moves by a factor, as traffic does; one that was moves by its mean deviation
            _undoRatio = _ratio;
            _undoLevel = _level;
            _undo = _options.RevertWithin;
            if (!_negative && _heldExpected > 0 && _heldValues > 0)
            {
                _ratio *= _heldValues / _heldExpected;
            }
            else
            {
                _level += _heldSum / _held;
            }

            Release();
            _up = _down = 0;
        }
    }

    // within RevertWithin values of an accepted shift, a value that fits the level before it restores that level
    private bool Reverted(double value, double slotMean, double slotScale, int weekday)
    {
        var scale = slotScale * _undoRatio;
        var z = ((value - (slotMean * _undoRatio)) / scale) - _undoLevel - WeekOffset(weekday);
        if (Math.Abs(z) > _options.CusumSlack)
        {
            return false;
        }

        _ratio = _undoRatio;
        _level = _undoLevel;
        _undo = 0;
        _up = _down = 0;
        Release();
        return true;
    }

    private void Release()
    {
        _held = 0;
        _heldSum = 0;
        _heldValues = 0;
        _heldExpected = 0;
    }
}
