var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("cases");
builder.AddCasesService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapCasesService();

app.Run();
