"""The issue #16 speed peer without OpenCV's ESPCN_x2.pb: OpenCV's DNN module running a network of ESPCN x2's layer
shapes (as in dnn_superres's ESPCN_x2.pb: luma only, 5x5 conv 1->64, 3x3 64->32, 3x3 32->4, tanh, depth-to-space),
with random weights (the time does not depend on them), and dnn_superres's own pre- and post-processing for ESPCN
(BGR -> YCrCb, the network on Y, Cr and Cb enlarged bicubically, back to BGR), reading and writing each image with
cv2.imread/imwrite in a Python loop. For speed comparisons only: its output is not an enlargement worth looking at.

    /usr/bin/python3 tools/opencv_espcn_peer.py SRC_DIR DST_DIR

Needs Debian's python3-opencv and python3-onnx (the network is written as ONNX with a fixed input size, one per
image size met, because OpenCV 4.6 cannot import DepthToSpace with a dynamic shape).
"""
import os
import sys

import cv2
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def espcn_x2(height, width):
    rng = np.random.default_rng(2)
    shapes = [("w1", (64, 1, 5, 5)), ("w2", (32, 64, 3, 3)), ("w3", (4, 32, 3, 3))]
    inits = []
    for name, shape in shapes:
        fan_in = shape[1] * shape[2] * shape[3]
        inits.append(numpy_helper.from_array((rng.standard_normal(shape) / np.sqrt(fan_in)).astype(np.float32), name))
        inits.append(numpy_helper.from_array(np.zeros(shape[0], np.float32), "b" + name[1]))
    nodes = [
        helper.make_node("Conv", ["x", "w1", "b1"], ["c1"], kernel_shape=[5, 5], pads=[2, 2, 2, 2]),
        helper.make_node("Tanh", ["c1"], ["t1"]),
        helper.make_node("Conv", ["t1", "w2", "b2"], ["c2"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("Tanh", ["c2"], ["t2"]),
        helper.make_node("Conv", ["t2", "w3", "b3"], ["c3"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("DepthToSpace", ["c3"], ["y"], blocksize=2, mode="DCR"),
    ]
    graph = helper.make_graph(nodes, "espcn_x2",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1, height, width])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 1, 2 * height, 2 * width])],
                              inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    return cv2.dnn.readNetFromONNX(model.SerializeToString())


def main(src, dst):
    nets = {}
    os.makedirs(dst, exist_ok=True)
    for folder, _, names in os.walk(src):
        for name in sorted(names):
            if not name.lower().endswith((".jpg", ".jpeg", ".png")):
                continue
            image = cv2.imread(os.path.join(folder, name))
            h, w = image.shape[:2]
            net = nets.get((h, w)) or nets.setdefault((h, w), espcn_x2(h, w))
            ycrcb = cv2.cvtColor(image, cv2.COLOR_BGR2YCrCb)
            net.setInput(cv2.dnn.blobFromImage(ycrcb[:, :, 0].astype(np.float32) / 255.0))
            y = np.clip(net.forward()[0, 0] * 255.0, 0, 255).astype(np.uint8)
            big = cv2.resize(ycrcb, (2 * w, 2 * h), interpolation=cv2.INTER_CUBIC)
            big[:, :, 0] = y
            cv2.imwrite(os.path.join(dst, name), cv2.cvtColor(big, cv2.COLOR_YCrCb2BGR))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
