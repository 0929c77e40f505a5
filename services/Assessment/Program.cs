var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("assessment");
builder.AddDuchaApi("assessment");
builder.AddAssessmentService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDuchaApi();
app.MapAssessmentService();

app.Run();
