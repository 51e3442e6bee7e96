namespace MobileSource.HardwareSim.Camera;

public enum SceneLighting
{
    Day,
    Dusk,
    Overcast,
}
