var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("assessment");
builder.AddAssessmentService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAssessmentService();

app.Run();
