var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("disclosure");
builder.AddDuchaApi("disclosure");
builder.AddDisclosureService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDuchaApi();
app.MapDisclosureService();

app.Run();
