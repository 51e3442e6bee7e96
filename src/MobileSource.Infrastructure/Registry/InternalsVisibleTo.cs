using System.Runtime.CompilerServices;

// The benchmark measures the CSV tokenizer on its own as well as the whole reader.
[assembly: InternalsVisibleTo("MobileSource.Benchmarks")]
