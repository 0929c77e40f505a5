using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// Builds HTML where every piece of data goes through <see cref="Text"/>: team names, places and reasons are typed by
/// people and may hold &lt;, &amp; or quotes. Markup comes only from literals in this folder (<see cref="Raw"/>).
/// Chinese stays as it is (not &amp;#x…;), so a page is as small as its text.
/// </summary>
internal sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _builder = new(4096);

    /// <summary>Markup written by this code, never data.</summary>
    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Data, encoded for an element's content or a quoted attribute value.</summary>
    public Html Text(string? text)
    {
        _builder.Append(Encoder.Encode(text ?? string.Empty));
        return this;
    }

    /// <summary>&lt;tag class="…"&gt;text&lt;/tag&gt;, the text encoded.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _builder.Append('<').Append(tag);
        if (cssClass is not null) _builder.Append(" class=\"").Append(cssClass).Append('"');
        _builder.Append('>');
        return Text(text).Raw($"</{tag}>");
    }

    /// <summary>A link; the address and the text are both encoded.</summary>
    public Html Link(string href, string text) => Raw("<a href=\"").Text(href).Raw("\">").Text(text).Raw("</a>");

    public override string ToString() => _builder.ToString();
}
