// Placeholder entry point: the multi-process harness fills this in.
return 0;
