using MobileSource.Domain.Plates;
using MobileSource.HardwareSim.Rendering;

if (args.Length >= 2 && args[0] == "plate")
{
    var colour = args.Length > 2 ? Enum.Parse<PlateColour>(args[2], true) : PlateColour.Blue;
    File.WriteAllBytes(args.Length > 3 ? args[3] : "plate.png", PlateRenderer.RenderPng(PlateNumber.Parse(args[1]), colour, 140));
    return 0;
}
Console.Error.WriteLine("hardware-sim: not built yet");
return 2;
