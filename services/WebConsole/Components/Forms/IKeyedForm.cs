namespace Ducha.WebConsole.Components.Forms;

/// <summary>
/// A form that carries a key made when it was drawn: a double click posts the same key twice, and the second post gets
/// the first one's outcome instead of acting again (<see cref="FormSubmissions"/>).
/// </summary>
public interface IKeyedForm
{
    string? Key { get; set; }
}
