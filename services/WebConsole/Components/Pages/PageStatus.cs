namespace Ducha.WebConsole.Components.Pages;

/// <summary>How a page answers with an error status and still shows its own words.</summary>
public static class PageStatus
{
    /// <summary>
    /// Set while rendering, a 404 makes the component endpoint leave the body empty for a status-code page the console
    /// does not have, so the status is set as the response starts, after the page is written.
    /// </summary>
    public static void AnswerWith(HttpContext http, int status) =>
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        });
}
