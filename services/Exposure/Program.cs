var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("exposure");
builder.AddDuchaApi("exposure");
builder.AddExposureService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDuchaApi();
app.MapExposureService();

app.Run();
