#!/usr/bin/python3
"""Serves an H.264 MP4 as a live, endlessly looping RTSP camera stream (GStreamer RTSP server).

Usage: /usr/bin/python3 rtsp_camera_server.py <video.mp4> <port> <path>
Prints "rtsp://127.0.0.1:<port>/<path>" once the server listens. The media is shared: every client sees the
same live stream. At the end of the file the pipeline seeks back to the start (the stream never ends).
"""
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main():
    if len(sys.argv) != 4:
        sys.stderr.write("usage: rtsp_camera_server.py <video.mp4> <port> <path>\n")
        return 2
    video, port, path = sys.argv[1], sys.argv[2], sys.argv[3].strip("/")
    Gst.init(None)
    loop = GLib.MainLoop()

    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    location = video.replace("\\", "\\\\").replace('"', '\\"')
    factory.set_launch(
        f'( filesrc location="{location}" ! qtdemux ! h264parse config-interval=-1 name=parse '
        f"! rtph264pay name=pay0 pt=96 config-interval=-1 )"
    )
    factory.set_shared(True)
    factory.set_eos_shutdown(False)
    factory.connect("media-configure", on_media_configure)
    server.get_mount_points().add_factory("/" + path, factory)
    if server.attach(None) == 0:
        sys.stderr.write(f"cannot listen on 127.0.0.1:{port}\n")
        return 1

    for sig in (signal.SIGINT, signal.SIGTERM):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    print(f"rtsp://127.0.0.1:{server.get_bound_port()}/{path}", flush=True)
    loop.run()
    return 0


def on_media_configure(_factory, media):
    """Loops the file without a gap or a timestamp jump: segment seeks make the demuxer send SEGMENT_DONE instead of
    EOS at the end, and a non-flushing segment seek back to 0 then continues the running time."""
    parse_src = media.get_element().get_by_name("parse").get_static_pad("src")

    def segment_seek(flags):
        parse_src.send_event(Gst.Event.new_seek(
            1.0, Gst.Format.TIME, flags | Gst.SeekFlags.SEGMENT,
            Gst.SeekType.SET, 0, Gst.SeekType.NONE, -1))
        return False

    def on_event(_pad, info):
        event = info.get_event()
        if event is not None and event.type == Gst.EventType.SEGMENT_DONE:
            GLib.idle_add(segment_seek, Gst.SeekFlags.NONE)
            return Gst.PadProbeReturn.DROP
        if event is not None and event.type == Gst.EventType.EOS:
            # Not in segment mode (the first seek has not happened yet): restart, accepting one timestamp reset.
            GLib.idle_add(segment_seek, Gst.SeekFlags.FLUSH)
            return Gst.PadProbeReturn.DROP
        return Gst.PadProbeReturn.OK

    parse_src.add_probe(Gst.PadProbeType.EVENT_DOWNSTREAM, on_event)
    media.connect("prepared", lambda _media: GLib.idle_add(segment_seek, Gst.SeekFlags.FLUSH))


if __name__ == "__main__":
    sys.exit(main())
