var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("exposure");
builder.AddExposureService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapExposureService();

app.Run();
