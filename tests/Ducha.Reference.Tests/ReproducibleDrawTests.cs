using System.Text.Json;
using Ducha.BuildingBlocks.Sampling;

namespace Ducha.Reference.Tests;

public sealed class ReproducibleDrawTests
{
    // Declared before Vectors: static fields are initialised in order.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly VectorFile Vectors = LoadVectors();

    public static TheoryData<string> VectorNames()
    {
        var names = new TheoryData<string>();
        foreach (var vector in Vectors.Vectors)
        {
            names.Add(vector.Name);
        }

        return names;
    }

    [Fact]
    public void The_vectors_are_for_this_procedure_and_cover_the_edge_cases()
    {
        Assert.Equal(ReproducibleDraw.Procedure, Vectors.Procedure);
        Assert.True(Vectors.Vectors.Count >= 5);
        Assert.Contains(Vectors.Vectors, v => v.Candidates.Count == 1);
        Assert.Contains(Vectors.Vectors, v => v.K == 0 && v.Candidates.Count > 0);
        Assert.Contains(Vectors.Vectors, v => v.K == v.Candidates.Count && v.K > 1);
        Assert.Contains(Vectors.Vectors, v => v.Seed.Any(c => c > 127));
        Assert.Contains(Vectors.Vectors, v => v.Candidates.Any(id => id.Any(c => c > 127)));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Reproduces_the_published_vector(string name)
    {
        var vector = Vectors.Vectors.Single(v => v.Name == name);

        Assert.Equal(vector.Expected, ReproducibleDraw.Draw(vector.Seed, vector.Candidates, vector.K));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Drawing_again_from_the_same_seed_gives_the_same_sample(string name)
    {
        var vector = Vectors.Vectors.Single(v => v.Name == name);

        var first = ReproducibleDraw.Draw(vector.Seed, vector.Candidates, vector.K);
        var second = ReproducibleDraw.Draw(vector.Seed, vector.Candidates, vector.K);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void The_order_the_candidates_are_given_in_does_not_matter(string name)
    {
        var vector = Vectors.Vectors.Single(v => v.Name == name);

        Assert.Equal(vector.Expected, ReproducibleDraw.Draw(vector.Seed, vector.Candidates.Reverse(), vector.K));
        Assert.Equal(vector.Expected, ReproducibleDraw.Draw(vector.Seed, vector.Candidates.OrderBy(id => id.Length).ThenByDescending(id => id, StringComparer.Ordinal), vector.K));
    }

    [Fact]
    public void A_different_seed_gives_a_different_sample()
    {
        var one = Vectors.Vectors.Single(v => v.Name == "seven of a hundred");
        var other = Vectors.Vectors.Single(v => v.Name == "seven of a hundred, another seed");
        Assert.Equal(one.Candidates, other.Candidates);
        Assert.NotEqual(one.Seed, other.Seed);

        Assert.NotEqual(ReproducibleDraw.Draw(one.Seed, one.Candidates, one.K), ReproducibleDraw.Draw(other.Seed, other.Candidates, other.K));
    }

    [Fact]
    public void A_fresh_seed_is_64_lowercase_hex_digits_and_new_each_time()
    {
        var seed = ReproducibleDraw.NewSeed();

        Assert.Matches("^[0-9a-f]{64}$", seed);
        Assert.NotEqual(seed, ReproducibleDraw.NewSeed());
        Assert.Equal(3, ReproducibleDraw.Draw(seed, ["a", "b", "c", "d"], 3).Count);
    }

    [Fact]
    public void A_bad_seed_is_refused()
    {
        Assert.Equal("seed", Assert.Throws<ArgumentException>(() => ReproducibleDraw.Draw("", ["a", "b"], 1)).ParamName);
        // A lone surrogate has no UTF-8 form. (Not as [InlineData]: attribute metadata would turn it into U+FFFD.)
        Assert.Equal("seed", Assert.Throws<ArgumentException>(() => ReproducibleDraw.Draw("\ud800", ["a", "b"], 1)).ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_count_outside_zero_to_the_number_of_candidates_is_refused(int count)
    {
        var error = Assert.Throws<ArgumentException>(() => ReproducibleDraw.Draw("seed", ["a", "b"], count));

        Assert.Equal("count", error.ParamName);
    }

    [Fact]
    public void Bad_candidates_are_refused()
    {
        Assert.Equal("candidates", Assert.Throws<ArgumentException>(() => ReproducibleDraw.Draw("seed", ["a", "b", "a"], 1)).ParamName);
        Assert.Equal("candidates", Assert.Throws<ArgumentException>(() => ReproducibleDraw.Draw("seed", ["a", ""], 1)).ParamName);
        Assert.Equal("candidates", Assert.Throws<ArgumentException>(() => ReproducibleDraw.Draw("seed", ["a", null!], 1)).ParamName);
        Assert.Equal("candidates", Assert.Throws<ArgumentException>(() => ReproducibleDraw.Draw("seed", ["a", "\udc00"], 1)).ParamName);
        Assert.Contains("'a'", Assert.Throws<ArgumentException>(() => ReproducibleDraw.Draw("seed", ["a", "b", "a"], 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_at_or_above_the_largest_multiple_of_the_bound_are_rejected()
    {
        // 2^64 mod 3 = 1, so the largest multiple of 3 not exceeding 2^64 is 2^64 - 1: only ulong.MaxValue is rejected.
        var words = new Queue<ulong>([ulong.MaxValue, ulong.MaxValue - 1]);
        Assert.Equal((ulong.MaxValue - 1) % 3, ReproducibleDraw.UniformBelow(3, words.Dequeue));
        Assert.Empty(words);

        // A power of two divides 2^64: nothing is rejected.
        words = new Queue<ulong>([ulong.MaxValue]);
        Assert.Equal(3UL, ReproducibleDraw.UniformBelow(4, words.Dequeue));

        // 2^64 mod 10 = 6: the last six words are rejected, the one below them is accepted.
        words = new Queue<ulong>([ulong.MaxValue - 5, ulong.MaxValue - 6]);
        Assert.Equal((ulong.MaxValue - 6) % 10, ReproducibleDraw.UniformBelow(10, words.Dequeue));
        Assert.Empty(words);
    }

    [Fact]
    public void Over_ten_thousand_fixed_seeds_each_candidate_is_drawn_first_about_equally_often()
    {
        // Deterministic, the seeds being fixed: expected 1,000 each, standard deviation 30, so the bounds are ±5σ.
        string[] candidates = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        var firsts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 10_000; i++)
        {
            var first = ReproducibleDraw.Draw($"statistics-{i}", candidates, 1)[0];
            firsts[first] = firsts.GetValueOrDefault(first) + 1;
        }

        Assert.Equal(candidates.Length, firsts.Count);
        Assert.All(firsts, pair => Assert.InRange(pair.Value, 850, 1150));
    }

    private static VectorFile LoadVectors()
    {
        using var stream = typeof(ReproducibleDrawTests).Assembly.GetManifestResourceStream("Ducha.Reference.Tests.SamplingVectors.json")
            ?? throw new InvalidOperationException("SamplingVectors.json is not embedded.");
        return JsonSerializer.Deserialize<VectorFile>(stream, Json)
            ?? throw new InvalidOperationException("SamplingVectors.json is empty.");
    }

    private sealed record VectorFile(string Procedure, IReadOnlyList<Vector> Vectors);

    private sealed record Vector(string Name, string Seed, IReadOnlyList<string> Candidates, int K, IReadOnlyList<string> Expected);
}
