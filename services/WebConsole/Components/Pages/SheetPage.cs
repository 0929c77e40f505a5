using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// A page about one thing named in its address — a case, a bulletin, a follow-up — whose query answers the thing or null
/// when the service does not show it to this person; <see cref="ReadPage{TSheet}"/> answers that 404 with no data.
/// </summary>
public abstract class SheetPage<TSheet> : ReadPage<TSheet> where TSheet : class
{
    [Parameter] public string Id { get; set; } = "";

    /// <summary>The thing as this person may see it, or null when the service does not show it to them.</summary>
    protected abstract Task<TSheet?> LoadAsync(SignedInPerson person, CancellationToken cancellationToken);

    protected sealed override async Task<Read<TSheet>> ReadAsync(SignedInPerson person, CancellationToken cancellationToken) =>
        Read.Shown(await LoadAsync(person, cancellationToken));
}
