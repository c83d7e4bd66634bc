using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Playbooks;
using SupportBot.Recognition.Entities;

namespace SupportBot.Transcripts.Chat;

/// <summary>The reading itself: each kind of filter takes its words out of the message, and what is left must name a playbook.</summary>
public sealed partial class TranscriptFilterParser
{
    /// <summary>The message with the parts already understood blanked out, so their indices stay put.</summary>
    private sealed class Scan(string text)
    {
        private readonly char[] _chars = text.ToCharArray();

        public string Text => new(_chars);

        public void Consume(int start, int length) => Array.Fill(_chars, ' ', start, length);

        /// <summary>Every match of <paramref name="pattern"/> in what is left, each consumed.</summary>
        public List<Match> Take(Regex pattern)
        {
            var matches = pattern.Matches(Text).ToList();
            foreach (var match in matches)
            {
                Consume(match.Index, match.Length);
            }

            return matches;
        }

        public IEnumerable<string> Words() =>
            Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim(',', '.', ';', ':', '!', '?', '"', '\'', '(', ')'))
                .Where(w => w.Length > 0);
    }

    private sealed class ParseState(TranscriptFilterParser parser, Scan scan, DateOnly today)
    {
        private readonly List<string> _conflicts = [];
        private readonly List<string> _unknown = [];
        private string? _agentId;
        private bool? _escalated;
        private string? _outcome;
        private string? _outcomeDescription;
        private PlaybookDefinition? _playbook;
        private DateOnly? _from;
        private DateOnly? _to;
        private IReadOnlyList<PlaybookDefinition> _ambiguous = [];
        private string? _ambiguousWords;

        public bool Mine { get; set; }

        public void ReadAgent()
        {
            var byMe = scan.Take(ByMe()).Count > 0;
            var myOrMine = scan.Take(MyOrMine()).Count > 0;
            Mine |= byMe || myOrMine;

            foreach (var match in scan.Take(ByAgent()))
            {
                var id = match.Groups["id"].Value.TrimEnd('.', '?', '!');
                if (_agentId is not null && !string.Equals(_agentId, id, StringComparison.Ordinal))
                {
                    _conflicts.Add($"two agents ({_agentId} and {id}); ask for one at a time");
                    continue;
                }

                _agentId = id;
            }
        }

        public void ReadEscalated()
        {
            var not = scan.Take(NotEscalated()).Count > 0;
            var yes = scan.Take(Escalated()).Count > 0;
            if (not && yes)
            {
                _conflicts.Add("both \"escalated\" and \"not escalated\"");
                return;
            }

            if (not || yes)
            {
                _escalated = yes;
            }
        }

        public void ReadStatusAndOutcome()
        {
            foreach (var match in scan.Take(Status()))
            {
                var status = match.Groups["s"].Value.ToLowerInvariant() switch
                {
                    "completed" or "complete" or "finished" or "done" => CaseStatus.Completed,
                    "cancelled" or "canceled" => CaseStatus.Cancelled,
                    _ => CaseStatus.Open,
                };
                SetOutcome(status.ToString(), status.ToString().ToLowerInvariant());
            }

            foreach (var match in scan.Take(ExplicitOutcome()))
            {
                var id = match.Groups["id"].Value.ToLowerInvariant();
                if (parser._outcomeIds.Contains(id))
                {
                    SetOutcome(id, "outcome " + id);
                }
                else
                {
                    _conflicts.Add($"no playbook has an outcome \"{id}\"");
                }
            }
        }

        public void ReadDates(EntityContext context)
        {
            foreach (var match in scan.Take(LastCount()))
            {
                if (!CountWords.TryParse(match.Groups["n"].Value, out var count) || count < 1 || count > 3660)
                {
                    _conflicts.Add($"\"{match.Value.Trim()}\" is not a count of days I can use");
                    continue;
                }

                var n = (int)count;
                SetFrom(match.Groups["u"].Value.ToLowerInvariant()[0] switch
                {
                    'd' => today.AddDays(1 - n),
                    'w' => today.AddDays(1 - (7 * n)),
                    _ => today.AddMonths(-n).AddDays(1),
                });
            }

            var awaitingEnd = false;
            foreach (var date in DateMentions.Find(scan.Text, context))
            {
                var connector = Connector().Match(scan.Text[..date.Start]);
                var word = connector.Success ? connector.Groups["c"].Value.ToLowerInvariant() : "";
                if (word == "and" && !awaitingEnd)
                {
                    // "and" joins a range only after "between"; otherwise it is just a word, and this a single date.
                    word = "";
                }
                else if (connector.Success)
                {
                    scan.Consume(connector.Groups["c"].Index, connector.Groups["c"].Length);
                }

                scan.Consume(date.Start, date.Length);
                var period = date.Period;
                switch (word)
                {
                    case "since" or "from":
                        SetFrom(period.Start);
                        break;
                    case "after":
                        SetFrom(period.End);
                        break;
                    case "between":
                        SetFrom(period.Start);
                        awaitingEnd = true;
                        break;
                    case "and":
                        SetTo(period.End);
                        awaitingEnd = false;
                        break;
                    case "until" or "till" or "to" or "through" or "thru":
                        SetTo(period.End);
                        break;
                    case "before":
                        SetTo(period.Start);
                        break;
                    default:
                        SetFrom(period.Start);
                        SetTo(period.End);
                        break;
                }
            }

            if (awaitingEnd)
            {
                _conflicts.Add("\"between\" needs two dates, e.g. \"between 2026-11-01 and 2026-11-10\"");
            }

            if (_from is { } from && _to is { } to && from >= to)
            {
                _conflicts.Add($"the dates end ({to.AddDays(-1):yyyy-MM-dd}) before they start ({from:yyyy-MM-dd})");
            }
        }

        public void ReadWords()
        {
            var leftover = new List<string>();
            foreach (var word in scan.Words())
            {
                var lower = word.ToLowerInvariant();
                if (FillerWords.Contains(lower))
                {
                    continue;
                }

                if (parser._catalog.Find(lower) is { } playbook)
                {
                    SetPlaybook(playbook);
                }
                else if (parser._outcomeIds.Contains(lower) && lower != PlaybookDefinition.DefaultOutcome)
                {
                    SetOutcome(lower, "outcome " + lower);
                }
                else
                {
                    leftover.Add(word);
                }
            }

            if (leftover.Count == 0)
            {
                return;
            }

            if (_playbook is not null)
            {
                _unknown.AddRange(leftover);
                return;
            }

            var match = parser._titles.Match(leftover.Select(w => w.ToLowerInvariant()).ToList());
            var matched = new HashSet<string>(match.Matched, StringComparer.Ordinal);
            _unknown.AddRange(leftover.Where(w => !matched.Contains(w.ToLowerInvariant())));
            if (match.Playbooks.Count == 1)
            {
                SetPlaybook(match.Playbooks[0]);
            }
            else if (match.Playbooks.Count > 1)
            {
                _ambiguous = match.Playbooks;
                _ambiguousWords = string.Join(' ', match.Matched);
            }
        }

        public TranscriptFilter Finish(string? callerId, TimeZoneInfo zone)
        {
            var understood = new List<string>();
            var agent = _agentId;
            if (Mine)
            {
                if (string.IsNullOrEmpty(callerId))
                {
                    _conflicts.Add("\"my\" needs to know who you are, and this channel did not say");
                }
                else if (agent is not null && !string.Equals(agent, callerId, StringComparison.Ordinal))
                {
                    _conflicts.Add($"both yours and {agent}'s; ask for one at a time");
                }
                else
                {
                    agent = callerId;
                    understood.Add("yours");
                }
            }
            else if (agent is not null)
            {
                understood.Add("by " + agent);
            }

            if (_playbook is not null)
            {
                understood.Add($"playbook {_playbook.Id} ({_playbook.Title})");
            }

            if (_escalated is { } escalated)
            {
                understood.Add(escalated ? "escalated" : "not escalated");
            }

            if (_outcomeDescription is not null)
            {
                understood.Add(_outcomeDescription);
            }

            if (DescribeDates() is { } dates)
            {
                understood.Add(dates);
            }

            return new TranscriptFilter
            {
                Query = new TranscriptQuery
                {
                    PlaybookId = _playbook?.Id,
                    AgentId = agent,
                    From = _from is { } from ? DatePeriod.Midnight(from, zone) : null,
                    To = _to is { } to ? DatePeriod.Midnight(to, zone) : null,
                    Outcome = _outcome,
                    Escalated = _escalated,
                },
                Mine = Mine,
                Understood = understood,
                Unknown = _unknown,
                AmbiguousPlaybooks = _ambiguous,
                AmbiguousWords = _ambiguousWords,
                Conflicts = _conflicts,
            };
        }

        private string? DescribeDates()
        {
            static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return (_from, _to) switch
            {
                ({ } from, { } to) when to == from.AddDays(1) => "started on " + Day(from),
                ({ } from, { } to) => $"started {Day(from)} to {Day(to.AddDays(-1))}",
                ({ } from, null) => "started on or after " + Day(from),
                (null, { } to) => "started on or before " + Day(to.AddDays(-1)),
                _ => null,
            };
        }

        private void SetPlaybook(PlaybookDefinition playbook)
        {
            if (_playbook is not null && _playbook.Id != playbook.Id)
            {
                _conflicts.Add($"two playbooks ({_playbook.Id} and {playbook.Id}); ask for one at a time");
                return;
            }

            _playbook = playbook;
        }

        private void SetOutcome(string outcome, string description)
        {
            if (_outcome is not null && !string.Equals(_outcome, outcome, StringComparison.OrdinalIgnoreCase))
            {
                _conflicts.Add($"two outcomes ({_outcomeDescription} and {description}); a case has one");
                return;
            }

            if (_outcome is null)
            {
                _outcome = outcome;
                _outcomeDescription = description;
            }
        }

        private void SetFrom(DateOnly day)
        {
            if (_from is { } earlier && earlier != day)
            {
                _conflicts.Add($"two start dates ({earlier:yyyy-MM-dd} and {day:yyyy-MM-dd}); use \"between … and …\" for a range");
                return;
            }

            _from = day;
        }

        private void SetTo(DateOnly dayAfter)
        {
            if (_to is { } earlier && earlier != dayAfter)
            {
                _conflicts.Add($"two end dates ({earlier.AddDays(-1):yyyy-MM-dd} and {dayAfter.AddDays(-1):yyyy-MM-dd}); use \"between … and …\" for a range");
                return;
            }

            _to = dayAfter;
        }
    }
}
