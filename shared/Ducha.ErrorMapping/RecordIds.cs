namespace Ducha.ErrorMapping;

public static class RecordIds
{
    /// <summary>The id a get request names, refused as bad input when empty or longer than any id Ducha issues.</summary>
    public static string Require(string? id, string field = "id")
    {
        new RequestValidator().RequireText(id, field, 36).ThrowIfInvalid();
        return id!;
    }
}
