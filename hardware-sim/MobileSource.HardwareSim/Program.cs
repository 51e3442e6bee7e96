Console.WriteLine("hardware-sim: not built yet");
