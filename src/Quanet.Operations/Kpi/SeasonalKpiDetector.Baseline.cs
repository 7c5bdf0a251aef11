namespace Quanet.Operations.Kpi;

/// <summary>The baseline facet: slots, the winsorised slot updates and the weekday offsets.</summary>
internal sealed partial class SeasonalKpiDetector
{
    // the mean absolute deviation of a normal variable is sigma * sqrt(2 / pi)
    private const double SigmaPerMeanDeviation = 1.2533141373155;
    private const double UpdateClip = 2.5;
    private const int Weekdays = 7;
    private const double PriorValues = 6.0;
    private int _perDay;
    private double _relativeSpread;
    private int _spreadValues;
    private long _day = long.MinValue;
    private double _daySum;
    private int _dayCount;

    private int WeekBase => 3 * _slots;

    private void Allocate(long interval)
    {
        var perDay = (int)Math.Clamp(SecondsPerDay / interval, 1, _options.MaxSlotsPerDay);
        _perDay = perDay;
        _slots = 2 * perDay;
        _slotSeconds = SecondsPerDay / perDay;
        _state = new float[(3 * _slots) + (2 * Weekdays)];
    }

    // weekdays use the first day of slots, Saturday and Sunday the second: weekend traffic has its own shape
    private int Slot(long wall)
    {
        var secondOfDay = wall - (FloorDiv(wall, SecondsPerDay) * SecondsPerDay);
        var slot = (int)Math.Min(secondOfDay / _slotSeconds, _perDay - 1);
        return Weekday(wall) >= 5 ? _perDay + slot : slot;
    }

    // 1970-01-01 was a Thursday; 0 is Monday
    private static int Weekday(long wall) => (int)(((FloorDiv(wall, SecondsPerDay) % Weekdays) + Weekdays + 3) % Weekdays);

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : ((a + 1) / b) - 1;

    private double WeekOffset(int weekday) => _state[WeekBase + weekday];

    // the slot's own spread, shrunk towards the series' relative spread times the slot's mean while the slot has
    // few values (a slot's spread from two or three values is too noisy to test against)
    private double Scale(int slot)
    {
        var n = _state[(2 * _slots) + slot];
        var own = NeighbourSpread(slot) * SigmaPerMeanDeviation;
        var mean = Math.Abs(_state[slot]);
        var pooled = _relativeSpread * mean;
        var variance = ((n * own * own) + (PriorValues * pooled * pooled)) / (n + PriorValues);

        // a prediction, not a spread: the slot's mean is itself an estimate from about min(n, 2 / rate) values
        var known = Math.Min(n, 2.0 / _options.SlotRate);
        variance *= 1.0 + (1.0 / Math.Max(known, 1.0));
        return Math.Max(Math.Sqrt(variance), Math.Max(0.002 * mean, 1e-9));
    }

    // the spread of a slot from its own and its two neighbours' (relative to their means): the spread changes slowly
    // over the day, and three slots' values estimate it with a third of the error of one slot's
    private double NeighbourSpread(int slot)
    {
        var first = slot < _perDay ? 0 : _perDay;
        var sum = 2.0 * _state[_slots + slot];
        var weight = 2.0;
        var mean = Math.Abs(_state[slot]);
        foreach (var step in (ReadOnlySpan<int>)[-1, 1])
        {
            var other = first + ((slot - first + step + _perDay) % _perDay);
            var otherMean = Math.Abs(_state[other]);
            if (other != slot && _state[(2 * _slots) + other] >= _options.MinSlotSamples && otherMean > 0 && mean > 0)
            {
                sum += _state[_slots + other] * mean / otherMean;
                weight += 1.0;
            }
        }

        return sum / weight;
    }

    // the first values of a slot: plain running mean and mean absolute deviation
    private void Learn(long wall, double value)
    {
        var slot = Slot(wall);
        var countIndex = (2 * _slots) + slot;
        var n = _state[countIndex];
        var mean = _state[slot];
        if (n == 0)
        {
            _state[slot] = (float)value;
        }
        else
        {
            var rate = 1.0 / (n + 1);
            _state[_slots + slot] += (float)(rate * (Math.Abs(value - mean) - _state[_slots + slot]));
            _state[slot] = (float)(mean + (rate * (value - mean)));
        }

        _state[countIndex] = n + 1;
        if (n > 0)
        {
            FollowRelativeSpread(slot, Math.Abs(value - mean) * Math.Sqrt(n / (n + 1.0)));
        }
    }

    // a value that raised no alarm enters its slot (winsorised), the slow level and its day's weekday offset
    private void Absorb(int slot, int weekday, double z, double scale)
    {
        var countIndex = (2 * _slots) + slot;
        var n = _state[countIndex];
        var rate = Math.Max(1.0 / (n + 1), _options.SlotRate);
        var clipped = Math.Clamp(z, -UpdateClip, UpdateClip);
        _state[slot] += (float)(rate * clipped * scale);
        var deviation = Math.Abs(clipped) * scale / SigmaPerMeanDeviation;
        _state[_slots + slot] += (float)(Math.Max(1.0 / (n + 1), _options.SpreadRate) * (deviation - _state[_slots + slot]));
        _state[countIndex] = Math.Min(n + 1, 255);
        FollowRelativeSpread(slot, Math.Abs(clipped) * scale);
        _level += _options.LevelRate * Math.Clamp(z, -2.0, 2.0);
        _daySum += Math.Clamp(z + WeekOffset(weekday), -3.0, 3.0);
        _dayCount++;
    }

    // the series' typical |deviation| / |mean| in sigma units, over every slot
    private void FollowRelativeSpread(int slot, double absoluteDeviation)
    {
        var mean = Math.Abs(_state[slot]);
        if (mean > 0)
        {
            var rate = Math.Max(1.0 / ++_spreadValues, 0.01);
            _relativeSpread += rate * ((Math.Min(absoluteDeviation / mean, 10.0) * SigmaPerMeanDeviation) - _relativeSpread);
        }
    }

    // at midnight the day just ended sets its weekday's offset (the mean z of its values)
    private void RollDay(long wall)
    {
        var day = FloorDiv(wall, SecondsPerDay);
        if (day == _day)
        {
            return;
        }

        if (_dayCount > 0)
        {
            var weekday = Weekday(_day * SecondsPerDay);
            var countIndex = WeekBase + Weekdays + weekday;
            var n = _state[countIndex];
            var rate = Math.Max(1.0 / (n + 1), 0.25);
            _state[WeekBase + weekday] += (float)(rate * ((_daySum / _dayCount) - _state[WeekBase + weekday]));
            _state[countIndex] = Math.Min(n + 1, 255);
        }

        _day = day;
        _daySum = 0;
        _dayCount = 0;
    }
}
