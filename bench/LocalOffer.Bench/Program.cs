Console.WriteLine("bench: not yet written");
