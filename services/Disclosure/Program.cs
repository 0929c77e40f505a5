var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("disclosure");
builder.AddDisclosureService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDisclosureService();

app.Run();
