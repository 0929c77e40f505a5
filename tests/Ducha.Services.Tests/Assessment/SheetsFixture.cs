using Ducha.Assessment.Application.Sheets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// A host of its own whose score sheets read <see cref="FakeSheetSources"/> instead of the schemes and facts parts. The
/// sources are replaced when the service provider is built, after every module has registered its own.
/// </summary>
public sealed class SheetsFixture : StandaloneFixture
{
    public FakeSheetSources Sources { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Host.UseServiceProviderFactory(new LastWordServiceProviderFactory(services =>
        {
            services.RemoveAll<ISchemeSource>();
            services.RemoveAll<IMeasurementSource>();
            services.RemoveAll<IScoreFacts>();
            services.AddSingleton<ISchemeSource>(Sources);
            services.AddSingleton<IMeasurementSource>(Sources);
            services.AddSingleton<IScoreFacts>(Sources);
        }));

    /// <summary>Has the last word on the registrations, then builds the provider with the checks a development host makes.</summary>
    private sealed class LastWordServiceProviderFactory(Action<IServiceCollection> lastWord) : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            lastWord(services);
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
            containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
