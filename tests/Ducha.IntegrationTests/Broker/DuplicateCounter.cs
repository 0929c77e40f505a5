using System.Diagnostics.Metrics;
using Ducha.EventBus;

namespace Ducha.IntegrationTests.Broker;

/// <summary>Counts the redelivered events an inbox recognised and skipped, in this process, while it lives.</summary>
internal sealed class DuplicateCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private int _count;

    public DuplicateCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EventBusDiagnostics.Name && instrument.Name == "ducha.eventbus.duplicates")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, (int)value));
        _listener.Start();
    }

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
