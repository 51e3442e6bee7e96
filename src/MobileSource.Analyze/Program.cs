Console.WriteLine("analyze: not built yet");
