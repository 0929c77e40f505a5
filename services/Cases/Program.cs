var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("cases");
builder.AddDuchaApi("cases");
builder.AddCasesService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDuchaApi();
app.MapCasesService();

app.Run();
