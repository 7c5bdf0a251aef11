using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using NATS.Client.Core;

namespace Quanet.Cluster.Ingestion;

// The acknowledgement side of publishing: one subscription on this log's inbox (_INBOX.x.*) receives every PubAck
// and completes the pending write whose reply number it carries.
public sealed partial class JetStreamEventLog
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<PublishAck>> _pending = new();
    private readonly string _inbox;
    private long _nextReply;
    private INatsSub<byte[]>? _acks;
    private Task? _ackReader;

    private string ReplySubject(long id) => string.Create(CultureInfo.InvariantCulture, $"{_inbox}.{id}");

    private async Task StartAckReaderAsync(CancellationToken cancellationToken)
    {
        _acks = await _connection.SubscribeCoreAsync<byte[]>(_inbox + ".*", cancellationToken: cancellationToken).ConfigureAwait(false);
        _ackReader = Task.Run(ReadAcksAsync, CancellationToken.None);
    }

    private async Task ReadAcksAsync()
    {
        await foreach (var message in _acks!.Msgs.ReadAllAsync().ConfigureAwait(false))
        {
            var dot = message.Subject.LastIndexOf('.');
            if (!long.TryParse(message.Subject.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !_pending.TryRemove(id, out var pending))
            {
                continue; // the answer to an abandoned attempt
            }

            _inFlight.Release();
            if (message.HasNoResponders)
            {
                pending.TrySetException(new EventLogUnavailableException("no JetStream server answered for the stream (no responders)"));
            }
            else if (Parse(message.Data, out var ack, out var error))
            {
                pending.TrySetResult(ack);
            }
            else
            {
                pending.TrySetException(new EventLogUnavailableException("JetStream refused an event: " + error));
            }
        }
    }

    // {"stream":"QUANET_VES","seq":12,"duplicate":true} or {"error":{"code":503,"err_code":10077,"description":"..."}}
    private static bool Parse(byte[]? data, out PublishAck ack, out string error)
    {
        ack = default;
        error = "an empty acknowledgement";
        if (data is null || data.Length == 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(data);
            ulong sequence = 0;
            var duplicate = false;
            var seen = false;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("seq"u8) && reader.Read())
                {
                    sequence = reader.GetUInt64();
                    seen = true;
                }
                else if (reader.ValueTextEquals("duplicate"u8) && reader.Read())
                {
                    duplicate = reader.TokenType == JsonTokenType.True;
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    error = System.Text.Encoding.UTF8.GetString(data);
                    return false;
                }
            }

            ack = new PublishAck(sequence, duplicate);
            return seen;
        }
        catch (JsonException)
        {
            error = "an acknowledgement that is not JSON";
            return false;
        }
    }
}
