# Reads OpenMetrics text on stdin, parses it with prometheus_client's OpenMetrics parser (which
# rejects text that breaks the format) and prints every sample as JSON: the tests check the values.
import json
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families

samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        samples.append({"family": family.name, "type": family.type, "unit": family.unit,
                        "documentation": family.documentation, "name": sample.name,
                        "labels": sample.labels, "value": sample.value})
json.dump(samples, sys.stdout)
