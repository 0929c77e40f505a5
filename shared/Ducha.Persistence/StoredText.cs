namespace Ducha.Persistence;

/// <summary>
/// The read side of a conversion that stores a value type as its text. A store's compiled model
/// (<c>eng/compiled-models.sh</c>) keeps EF's "not set" value, the type's default, as the default's text and reads it back
/// through the conversion: that text must come back as the default, though no row ever holds it.
/// </summary>
public static class StoredText
{
    public static T Read<T>(string text, Func<string, T> parse) where T : struct => text == DefaultText<T>.Value ? default : parse(text);

    private static class DefaultText<T> where T : struct
    {
        public static readonly string? Value = default(T).ToString();
    }
}
