namespace Ducha.Testing;

/// <summary>
/// Names no other test uses (polluters, units, media), with a suffix of letters only: a random hex suffix sometimes holds
/// eleven digits in a row, which reads as a mobile number — and the bulletin screen rightly refuses to publish one.
/// </summary>
public static class UniqueName
{
    /// <summary><paramref name="prefix"/> followed by letters, <paramref name="length"/> characters in all.</summary>
    public static string Of(string prefix, int length)
    {
        var letters = string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        return (prefix + letters)[..length];
    }
}
