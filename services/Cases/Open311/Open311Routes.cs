using Microsoft.AspNetCore.Mvc;

namespace Ducha.Cases.Open311;

/// <summary>
/// Open311 GeoReport v2 over the cases service, for other systems (a 12345 hotline, a county app) to file and track
/// complaints. Every route speaks XML, which the spec requires and stock clients ask for, and JSON, which it allows: the
/// extension picks one (<see cref="Open311Formats"/>), and the handlers answer objects that either format renders.
/// </summary>
public static class Open311Routes
{
    public const string Base = "/open311/v2";

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder endpoints)
    {
        var v2 = endpoints.MapGroup(Base).WithMetadata(Open311Endpoint.Marker).AddEndpointFilter<Open311ErrorFilter>();

        // Discovery says what can be reported and how, and holds no case data: a client may look before it has a token.
        v2.MapGet("/services.{format}", () => new Open311Answer(Open311Catalogue.Services.Select(s => s.ToView()).ToList())).AllowAnonymous();
        v2.MapGet("/services/{service_code}.{format}", ([FromRoute(Name = "service_code")] string code) =>
            Open311Catalogue.Find(code) is { } service
                ? new Open311Answer(Open311Catalogue.Definition(service))
                : throw new EntityNotFoundException("Service", code)).AllowAnonymous();

        v2.MapPost("/requests.{format}", Open311Requests.CreateAsync);
        v2.MapGet("/requests.{format}", Open311Requests.ListAsync);
        v2.MapGet("/requests/{service_request_id}.{format}", Open311Requests.GetAsync);

        // A mistyped path gets an Open311 answer too, rather than an empty 404 (or a 401 for a resource that is not there).
        v2.MapGet("/{**path}", (string path, HttpContext http) => Open311Errors.Result(StatusCodes.Status404NotFound,
            $"'{Base}/{path}' is not an Open311 resource; see {Base}/services.{Open311Formats.Of(http).Extension()}")).AllowAnonymous();
        return endpoints;
    }
}
