namespace Ducha.WebConsole.Components.Pages;

/// <summary>An error status for a page that still writes its own words (无权查看或不存在, 暂时无法访问).</summary>
public static class PageStatus
{
    /// <summary>
    /// Set while rendering, a 404 makes the component endpoint leave the body empty for a status-code page the console
    /// does not have (a browser then shows its own error), so the status is set as the response starts, after the page is written.
    /// </summary>
    public static void AnswerWith(HttpContext http, int status) =>
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        });
}
