using CoachBot.Benchmarks.SchedulerDispatch;

// Scheduler dispatcher benchmark (issue 7); see docs/benchmarks.md. Bounded: the whole run is cancelled after 75 min.
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(75));
var arguments = new Arguments(args);
return arguments.Mode == "dispatch"
    ? await DispatchChild.RunAsync(arguments, timeout.Token)
    : await Orchestrator.RunAsync(arguments, timeout.Token);
