"""ApiDeployer's inline code (template.yaml, written to index.py on PYTHONPATH by
TemplateApiDeploymentTest) run as CloudFormation runs it: each request's answer is PUT to a real
HTTP server standing in for the pre-signed response URL. The API Gateway client is a stand-in that
keeps the deployments it was asked to create."""
import http.server
import json
import sys
import threading
import types
import unittest


class NotFoundException(Exception):
    pass


class ApiGatewayStandIn:
    def __init__(self):
        self.deployments = {}
        self.created = 0
        self.failure = None

    def create_deployment(self, restApiId, description):
        if self.failure:
            raise self.failure
        self.created += 1
        deployment_id = "deployment%d" % self.created
        self.deployments[deployment_id] = (restApiId, description)
        return {"id": deployment_id}

    def delete_deployment(self, restApiId, deploymentId):
        if self.failure:
            raise self.failure
        if deploymentId not in self.deployments:
            raise NotFoundException("Invalid Deployment identifier specified")
        del self.deployments[deploymentId]


API_GATEWAY = ApiGatewayStandIn()
sys.modules["boto3"] = types.SimpleNamespace(client=lambda service: API_GATEWAY if service == "apigateway" else None)
import index  # noqa: E402  (imports the stand-in above as boto3)


class Answers(http.server.BaseHTTPRequestHandler):
    received = []

    def do_PUT(self):
        Answers.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Context:
    log_stream_name = "2026/12/06/[$LATEST]stream"


class ApiDeployerTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = http.server.HTTPServer(("127.0.0.1", 0), Answers)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()

    def setUp(self):
        API_GATEWAY.deployments.clear()
        API_GATEWAY.failure = None
        Answers.received.clear()

    def request(self, kind, physical_id=None, origin="*", revision="r1"):
        event = {
            "RequestType": kind, "ResponseURL": "http://127.0.0.1:%d/answer" % self.server.server_port,
            "StackId": "stack", "RequestId": "request-%d" % len(Answers.received), "LogicalResourceId": "ApiDeployment",
            "ResourceProperties": {"ServiceToken": "arn", "RestApiId": "api1", "CorsAllowOrigin": origin, "ApiRevision": revision},
        }
        if physical_id:
            event["PhysicalResourceId"] = physical_id
        index.handler(event, Context())
        self.assertEqual(len(Answers.received), 1 + int(event["RequestId"].split("-")[1]))
        answer = Answers.received[-1]
        self.assertEqual((answer["StackId"], answer["RequestId"], answer["LogicalResourceId"]),
                         ("stack", event["RequestId"], "ApiDeployment"))
        return answer

    def test_create_makes_a_deployment_whose_id_is_the_physical_id(self):
        answer = self.request("Create")
        self.assertEqual(answer["Status"], "SUCCESS")
        self.assertIn(answer["PhysicalResourceId"], API_GATEWAY.deployments)
        self.assertEqual(answer["Data"], {"DeploymentId": answer["PhysicalResourceId"]})
        self.assertEqual(API_GATEWAY.deployments[answer["PhysicalResourceId"]], ("api1", "revision r1, CORS origin *"))

    def test_an_update_makes_a_new_deployment_and_its_clean_up_deletes_the_old_one(self):
        first = self.request("Create")["PhysicalResourceId"]
        update = self.request("Update", first, origin="https://shop.example")
        self.assertEqual(update["Status"], "SUCCESS")
        self.assertNotEqual(update["PhysicalResourceId"], first, "a new physical id makes CloudFormation clean up the old one")
        self.assertEqual(set(API_GATEWAY.deployments), {first, update["PhysicalResourceId"]})
        cleanup = self.request("Delete", first)
        self.assertEqual(cleanup["Status"], "SUCCESS")
        self.assertEqual(set(API_GATEWAY.deployments), {update["PhysicalResourceId"]})
        self.assertIn("https://shop.example", API_GATEWAY.deployments[update["PhysicalResourceId"]][1])

    def test_a_failed_create_reports_the_error(self):
        API_GATEWAY.failure = RuntimeError("Too many requests")
        answer = self.request("Create")
        self.assertEqual(answer["Status"], "FAILED")
        self.assertEqual(answer["Reason"], "RuntimeError: Too many requests")
        self.assertEqual(answer["PhysicalResourceId"], Context.log_stream_name)
        self.assertEqual(API_GATEWAY.deployments, {})

    def test_deleting_what_is_already_gone_or_cannot_go_still_succeeds(self):
        kept = self.request("Create")["PhysicalResourceId"]
        self.assertEqual(self.request("Delete", Context.log_stream_name)["Status"], "SUCCESS")
        API_GATEWAY.failure = RuntimeError("Active stages pointing to this deployment must be moved or deleted")
        self.assertEqual(self.request("Delete", kept)["Status"], "SUCCESS")
        self.assertIn(kept, API_GATEWAY.deployments)


if __name__ == "__main__":
    unittest.main(verbosity=2)
