using Ducha.Contracts.Disclosure.V1;
using Ducha.WebConsole.Calls;

namespace Ducha.WebConsole.Disclosure;

/// <summary>
/// The bulletin calls as the forms make them, with the signed-in person's token. A call is not tied to the browser's
/// request: a double click abandons the first request, and the publication it started must still finish.
/// </summary>
public sealed class DisclosureCommands(ConsoleDisclosureClient disclosure)
{
    /// <summary>Drafts the period (or brings its draft up to date) and answers the bulletin's page.</summary>
    public async Task<string> DraftAsync(string jurisdictionCode, DraftBulletinForm form)
    {
        var bulletin = await disclosure.DraftBulletinAsync(new DraftBulletinRequest
        {
            JurisdictionCode = jurisdictionCode, PeriodStart = form.PeriodStart?.Trim() ?? "", PeriodEnd = form.PeriodEnd?.Trim() ?? "",
        }, deadline: CallDeadline.ForCommand());
        return DisclosurePaths.Bulletin(bulletin.Id) + (bulletin.State == BulletinState.Published ? "?done=existing" : "?done=drafted");
    }

    public Task PublishAsync(string id) => disclosure.PublishBulletinAsync(new PublishBulletinRequest { Id = id }, deadline: CallDeadline.ForCommand()).ResponseAsync;

    public Task CorrectAsync(string id, CorrectBulletinForm form) =>
        disclosure.CorrectBulletinAsync(new CorrectBulletinRequest { Id = id, Reason = form.Reason?.Trim() ?? "" }, deadline: CallDeadline.ForCommand()).ResponseAsync;
}

/// <summary>Where the console shows bulletins, and where the public reads a published one.</summary>
public static class DisclosurePaths
{
    public const string Desk = "/disclosure";

    public static string Bulletin(string id) => "/disclosure/bulletins/" + Uri.EscapeDataString(id);

    public static string DeskOf(string jurisdictionCode) => Desk + "?jurisdiction=" + Uri.EscapeDataString(jurisdictionCode);

    /// <summary>
    /// The public page of a published bulletin, served by the disclosure service: at the address the public reaches it
    /// (<c>Disclosure:PublicSite:BaseUrl</c>, the disclosure service's own setting) or, unset, on this host, as the
    /// standalone host serves both.
    /// </summary>
    public static string Public(string? baseUrl, string id, int? version = null) =>
        (baseUrl ?? "").TrimEnd('/') + "/public/bulletins/" + Uri.EscapeDataString(id) + (version is { } n ? $"?version={n}" : "");
}
