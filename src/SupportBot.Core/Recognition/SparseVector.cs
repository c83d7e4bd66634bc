namespace SupportBot.Recognition;

/// <summary>A unit-length vector over a fixed feature vocabulary, stored as parallel id and weight arrays.</summary>
internal readonly struct SparseVector(int[] ids, double[] weights)
{
    public int[] Ids { get; } = ids;

    public double[] Weights { get; } = weights;

    public int Length => Ids.Length;

    /// <summary>Builds a unit vector from weighted features; features outside the vocabulary are dropped.</summary>
    public static SparseVector From(IEnumerable<(int Id, double Weight)> features)
    {
        var list = features.Where(f => f.Weight > 0).OrderBy(f => f.Id).ToArray();
        var norm = Math.Sqrt(list.Sum(f => f.Weight * f.Weight));
        return new SparseVector(list.Select(f => f.Id).ToArray(), list.Select(f => norm == 0 ? 0 : f.Weight / norm).ToArray());
    }

    /// <summary>Cosine similarity with a dense unit vector.</summary>
    public double Dot(double[] dense)
    {
        double sum = 0;
        for (var i = 0; i < Ids.Length; i++)
        {
            sum += Weights[i] * dense[Ids[i]];
        }

        return sum;
    }

    /// <summary>How much of this vector's weight the dense vector also has, whatever else it holds.</summary>
    public double CoveredBy(double[] dense)
    {
        double covered = 0;
        for (var i = 0; i < Ids.Length; i++)
        {
            if (dense[Ids[i]] > 0)
            {
                covered += Weights[i] * Weights[i];
            }
        }

        return covered;
    }
}
