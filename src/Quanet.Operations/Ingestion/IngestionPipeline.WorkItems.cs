namespace Quanet.Operations.Ingestion;

// What producers and operators put in the writer's channel.
public sealed partial class IngestionPipeline
{
    private abstract class WorkItem
    {
        public abstract int Size { get; }

        public abstract void Apply(IngestionPipeline pipeline, List<AlarmChange> changes, List<VesEvent> events);

        public abstract void Complete();

        public abstract void Fail(Exception ex);
    }

    private sealed class EventBatch(IReadOnlyList<VesEvent> events) : WorkItem
    {
        private IngestResult _result;

        public TaskCompletionSource<IngestResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override int Size => events.Count;

        public override void Apply(IngestionPipeline pipeline, List<AlarmChange> changes, List<VesEvent> committed)
        {
            var (raised, updated, cleared) = pipeline.ApplyEvents(events, changes);
            _result = new IngestResult(events.Count, raised, updated, cleared);
            committed.AddRange(events);
        }

        public override void Complete() => Completion.TrySetResult(_result);

        public override void Fail(Exception ex) => Completion.TrySetException(ex);
    }

    private sealed class OperatorCommand(long alarmId, string user, bool clear) : WorkItem
    {
        private AlarmRecord? _result;

        public long AlarmId => alarmId;

        public string User => user;

        public bool Clear => clear;

        public TaskCompletionSource<AlarmRecord?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override int Size => 1;

        public override void Apply(IngestionPipeline pipeline, List<AlarmChange> changes, List<VesEvent> events) =>
            _result = pipeline.ApplyCommand(this, changes);

        public override void Complete() => Completion.TrySetResult(_result);

        public override void Fail(Exception ex) => Completion.TrySetException(ex);
    }
}
