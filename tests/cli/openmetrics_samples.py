# Reads OpenMetrics text on stdin, parses it with prometheus_client's OpenMetrics parser (which
# rejects text that breaks the format) and prints every sample as JSON: the tests check the values.
import json
import math
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families

samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        samples.append({"family": family.name, "type": family.type, "unit": family.unit,
                        "documentation": family.documentation, "name": sample.name,
                        "labels": sample.labels,
                        # JSON has no infinity: such a value comes as the parser's own text ("inf").
                        "value": sample.value if math.isfinite(sample.value) else repr(sample.value)})
json.dump(samples, sys.stdout)
