namespace Quanet.Security.Qkd;

/// <summary>
/// Nelder-Mead simplex minimisation (reflection 1, expansion 2, contraction 1/2, shrink 1/2) of a smooth
/// function of a few unconstrained variables; used to optimise the five free settings of the finite-key rate.
/// </summary>
internal static class NelderMead
{
    public static (double[] Point, double Value) Minimise(Func<double[], double> f, double[] start, double step, int maxEvaluations, double tolerance)
    {
        var dimension = start.Length;
        var points = new double[dimension + 1][];
        var values = new double[dimension + 1];
        for (var i = 0; i <= dimension; i++)
        {
            points[i] = (double[])start.Clone();
            if (i > 0)
            {
                points[i][i - 1] += step;
            }

            values[i] = f(points[i]);
        }

        var evaluations = dimension + 1;
        var centroid = new double[dimension];
        while (evaluations < maxEvaluations)
        {
            Array.Sort(values, points);
            if (Math.Abs(values[dimension] - values[0]) <= tolerance * (Math.Abs(values[0]) + 1e-300))
            {
                break;
            }

            Array.Clear(centroid);
            for (var i = 0; i < dimension; i++)
            {
                for (var d = 0; d < dimension; d++)
                {
                    centroid[d] += points[i][d] / dimension;
                }
            }

            var reflected = Along(centroid, points[dimension], -1);
            var fr = f(reflected);
            evaluations++;
            if (fr < values[0])
            {
                var expanded = Along(centroid, points[dimension], -2);
                var fe = f(expanded);
                evaluations++;
                (points[dimension], values[dimension]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[dimension - 1])
            {
                (points[dimension], values[dimension]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[dimension] ? Along(centroid, reflected, 0.5) : Along(centroid, points[dimension], 0.5);
                var fc = f(contracted);
                evaluations++;
                if (fc < Math.Min(fr, values[dimension]))
                {
                    (points[dimension], values[dimension]) = (contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= dimension; i++)
                    {
                        points[i] = Along(points[0], points[i], 0.5);
                        values[i] = f(points[i]);
                    }

                    evaluations += dimension;
                }
            }
        }

        Array.Sort(values, points);
        return (points[0], values[0]);
    }

    // origin + t (target - origin)
    private static double[] Along(double[] origin, double[] target, double t)
    {
        var result = new double[origin.Length];
        for (var d = 0; d < origin.Length; d++)
        {
            result[d] = origin[d] + (t * (target[d] - origin[d]));
        }

        return result;
    }
}
