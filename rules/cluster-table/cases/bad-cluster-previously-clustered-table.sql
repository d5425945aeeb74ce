-- No index: re-cluster on the index recorded by an earlier CLUSTER or CLUSTER ON.
CLUSTER orders;
