var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("secondment");
builder.AddSecondmentService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapSecondmentService();

app.Run();
