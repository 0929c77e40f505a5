// The console as a process of its own (the distributed mode): it serves pages only and reaches every service by name.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(WebConsoleModule.AppId);
builder.AddWebConsoleHost();
builder.AddWebConsole();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapWebConsole();

app.Run();
