using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

namespace Ducha.AppHost.Infrastructure;

/// <summary>
/// A random 32-byte key, base64-encoded: the shape <c>Identity__SigningKey</c> and <c>Cases__ReporterKey</c> take.
/// Aspire's own generated default makes alphanumeric strings, which are no 32-byte base64 key.
/// </summary>
public sealed class GeneratedKey : ParameterDefault
{
    public override string GetDefaultValue() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    // Only used in run mode; a deployment supplies its own keys, so the manifest carries no default for them.
    public override void WriteToManifest(ManifestPublishingContext context)
    {
    }
}
