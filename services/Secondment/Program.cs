var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("secondment");
builder.AddDuchaApi("secondment");
builder.AddSecondmentService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDuchaApi();
app.MapSecondmentService();

app.Run();
