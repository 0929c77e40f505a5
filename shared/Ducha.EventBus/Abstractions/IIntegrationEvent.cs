namespace Ducha.EventBus;

/// <summary>A fact that happened in one service and that others may react to.</summary>
public interface IIntegrationEvent
{
    /// <summary>GB/T 2260 code of the jurisdiction the fact belongs to; it becomes part of the CloudEvent source.</summary>
    string JurisdictionCode { get; }
}
