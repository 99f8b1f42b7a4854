"""moto_server for the tests, with one addition: Lambda invocations can be forwarded over HTTP.

moto runs a Lambda function's code in Docker; the test machines have no Docker daemon and the restore-drill
validator is a .NET function. A function created in moto with the environment variable MOTO_FORWARD_INVOKE_URL
is invoked by POSTing the event to that URL instead (the test hosts the real handler there); its answer is the
payload, and a response header X-Amz-Function-Error marks a function error, as Lambda's Invoke API does.
Every other function, and everything else, is plain moto.
"""
import json
import sys
import urllib.request

from moto.awslambda import models as lambda_models
from moto.server import main

_original_invoke = lambda_models.LambdaFunction._invoke_lambda


def _invoke(self, event=None):
    url = (self.environment_vars or {}).get("MOTO_FORWARD_INVOKE_URL")
    if not url:
        return _original_invoke(self, event)
    body = event if isinstance(event, (str, bytes)) else json.dumps(event if event is not None else {})
    if isinstance(body, str):
        body = body.encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=900) as response:
        payload = response.read().decode("utf-8")
        errored = response.headers.get("X-Amz-Function-Error") is not None
    return payload, errored, ""


lambda_models.LambdaFunction._invoke_lambda = _invoke


def _share(self, memo):
    return self


try:
    from moto.stepfunctions.parser import models as sfn_parser_models

    sfn_parser_models.StepFunctionsParserBackend.__deepcopy__ = _share
    sfn_parser_models.Execution.__deepcopy__ = _share
except (ImportError, AttributeError) as error:  # a moto without the interpreter: nothing to fix
    print(f"moto_server.py: Step Functions interpreter not patched: {error}", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1:])
