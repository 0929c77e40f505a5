using Ducha.AppHost.Infrastructure;

// The distributed mode on one machine: RabbitMQ, PostgreSQL (one database per service and one for the console) and the
// five services as separate processes on the rabbitmq transport, cases twice, and the console twice. `dotnet run --project AppHost`.
var builder = DistributedApplication.CreateBuilder(args);
var run = builder.ExecutionContext.IsRunMode;
var mode = InfrastructureModes.Choose(builder.Configuration, builder.ExecutionContext.IsPublishMode);

// Secrets every service needs outside Development. Run mode generates them once and keeps them in the AppHost's user
// secrets (a new reporter key would leave earlier reporters sealed for good); a deployment supplies its own.
var signingKey = run
    ? builder.AddParameter("identity-signing-key", new GeneratedKey(), secret: true, persist: true)
    : builder.AddParameter("identity-signing-key", secret: true);
var reporterKey = run
    ? builder.AddParameter("cases-reporter-key", new GeneratedKey(), secret: true, persist: true)
    : builder.AddParameter("cases-reporter-key", secret: true);

var infrastructure = mode == InfrastructureMode.Containers
    ? ContainerInfrastructure.Add(builder)
    : LocalInfrastructure.Add(builder);

// Aspire starts a project without its launch profile, so it would run as Production. In run mode the services run as
// Development (the /dev/tokens issuer, readable errors) but with the generated keys, never the published development one.
var environment = builder.Configuration["Services:Environment"] ?? (run ? "Development" : "Production");
var traceSampleRatio = TraceSampling.Ratio(builder.Configuration);

IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new()
{
    // The services have no launch profile: one cleartext endpoint, where Kestrel serves HTTP/1.1 and h2c (gRPC) alike.
    var service = builder.AddProject<TProject>(name)
        .WithHttpEndpoint()
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
        .WithEnvironment("EventBus__Transport", "rabbitmq")
        .WithEnvironment("Identity__SigningKey", signingKey)
        .WithReference(infrastructure.Broker)
        .WithReference(infrastructure.Database(name))
        .WaitFor(infrastructure.BrokerReady)
        .WaitFor(infrastructure.DatabaseReady(name))
        .WithHttpHealthCheck("/health")
        .WithTraceSampling(traceSampleRatio);
    return service;
}

var cases = Service<Projects.Ducha_Cases>("cases")
    .WithEnvironment("Cases__ReporterKey", reporterKey)
    // Two replicas: the deadline watch and the outbox relay are built to share a database with a sibling.
    .WithReplicas(2);
// Exposure opens the case of each aired problem in cases; it records airings whether cases is up or not, so it does not wait for it.
var exposure = Service<Projects.Ducha_Exposure>("exposure").WithReference(cases);
var assessment = Service<Projects.Ducha_Assessment>("assessment");
// Secondment checks a cadre's home unit against the unit registers the cases service keeps (services__cases__http__0).
var secondment = Service<Projects.Ducha_Secondment>("secondment").WithReference(cases).WaitFor(cases);
// Disclosure asks cases for the public facts its events do not carry; it applies the events whether cases is up or not.
var disclosure = Service<Projects.Ducha_Disclosure>("disclosure").WithReference(cases);

// The console serves pages and calls cases, exposure, disclosure, assessment and secondment with the signed-in person's token. No broker; a
// database of its own for what its replicas share (sessions, the Data Protection key ring, claimed forms), so it runs
// twice like cases.
builder.AddProject<Projects.Ducha_WebConsole>("webconsole")
    .WithHttpEndpoint()
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
    .WithEnvironment("Identity__SigningKey", signingKey)
    .WithReference(cases)
    .WithReference(disclosure)
    .WithReference(exposure)
    .WithReference(assessment)
    .WithReference(secondment)
    .WithReference(infrastructure.Database("webconsole"))
    .WaitFor(infrastructure.DatabaseReady("webconsole"))
    .WithReplicas(2)
    .WithHttpHealthCheck("/health")
    .WithTraceSampling(traceSampleRatio);

builder.Build().Run();
