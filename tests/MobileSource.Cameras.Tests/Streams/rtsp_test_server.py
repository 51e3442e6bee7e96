#!/usr/bin/python3
# A live RTSP test camera: GStreamer's RTSP server with a moving test pattern, H.264.
# usage: rtsp_test_server.py PORT WIDTH HEIGHT FPS   -> rtsp://127.0.0.1:PORT/cam ; prints "ready" when serving.
import sys
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gst, GstRtspServer, GLib

port, width, height, fps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(
    f"( videotestsrc is-live=true pattern=ball ! video/x-raw,width={width},height={height},framerate={fps}/1 "
    f"! openh264enc gop-size={fps} ! h264parse ! rtph264pay name=pay0 pt=96 )")
factory.set_shared(False)  # each client its own pipeline: no backlog from an earlier client
server.get_mount_points().add_factory("/cam", factory)
if server.attach(None) == 0:
    print("failed to bind", flush=True)
    sys.exit(1)
print("ready", flush=True)
GLib.MainLoop().run()
