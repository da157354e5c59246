using System.Text.Json.Nodes;
using CoachBot.Slack.BlockKit;

namespace CoachBot.Slack.Tests.BlockKit;

public sealed class BlockKitValuesTests
{
    [Fact]
    public void Read_MapsEveryElementTypeToItsInputId()
    {
        var state = JsonNode.Parse("""
            {
              "time_zone": {"time_zone": {"type":"plain_text_input","value":"Asia/Tokyo"}},
              "language": {"language": {"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"English"},"value":"en"}}},
              "working_days": {"working_days": {"type":"multi_static_select","selected_options":[{"value":"mon"},{"value":"tue"}]}},
              "nudge_time": {"nudge_time": {"type":"timepicker","selected_time":"07:30"}},
              "pause_until": {"pause_until": {"type":"datepicker","selected_date":"2026-12-24"}},
              "quote1": {"quote1": {"type":"radio_buttons","selected_option":{"value":"yes"}}},
              "flags": {"flags": {"type":"checkboxes","selected_options":[{"value":"a"},{"value":"b"}]}}
            }
            """)!.AsObject();

        var values = BlockKitValues.Read(state);

        Assert.Equal(new Dictionary<string, string>
        {
            ["time_zone"] = "Asia/Tokyo",
            ["language"] = "en",
            ["working_days"] = "mon,tue",
            ["nudge_time"] = "07:30",
            ["pause_until"] = "2026-12-24",
            ["quote1"] = "yes",
            ["flags"] = "a,b",
        }, values);
    }

    [Fact]
    public void Read_SkipsMissingAndNullValues_AndKeepsAClearedMultiSelectAsEmpty()
    {
        var state = JsonNode.Parse("""
            {
              "note": {"note": {"type":"plain_text_input","value":null}},
              "language": {"language": {"type":"static_select","selected_option":null}},
              "nudge_time": {"nudge_time": {"type":"timepicker"}},
              "pause_until": {"pause_until": {"type":"datepicker","selected_date":null}},
              "working_days": {"working_days": {"type":"multi_static_select","selected_options":[]}},
              "odd": "not an object"
            }
            """)!.AsObject();

        var values = BlockKitValues.Read(state);

        Assert.Equal(new Dictionary<string, string> { ["working_days"] = string.Empty }, values);
    }
}
