import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { londonDateOf } from '../platform/calendar/london.js';
import type { AppContext } from '../platform/http/context.js';
import { jsonPost } from '../platform/http/openapi.js';
import { calculateOgp } from './ogp.js';
import { calculateOgrs3 } from './ogrs3.js';
import { calculateOspDc, calculateOspIic } from './osp.js';
import { calculateOvp } from './ovp.js';
import {
  ogpResponse,
  ogrs3Response,
  ospDcResponse,
  ospIicResponse,
  ovpResponse,
  rm2000Response,
} from './response-schemas.js';
import { calculateRm2000 } from './rm2000.js';
import { specialistRoutes } from './specialist-routes.js';
import {
  ogpRequest,
  ogrs3Request,
  ospDcRequest,
  ospIicRequest,
  ovpRequest,
  riskRequestFieldProblems,
  rm2000Request,
} from './schemas.js';

interface Calculator<S extends z.ZodType> {
  path: string;
  /** The instrument's name, as the field problems name the request. */
  name: string;
  summary: string;
  description: string;
  /** The request schema for a given London calendar day: dates after it are refused. */
  request: (today: string) => S;
  response: z.ZodType;
  calculate: (body: z.output<S>) => unknown;
}

function calculatorRoute<S extends z.ZodType>(
  app: FastifyInstance,
  context: AppContext,
  calculator: Calculator<S>,
): void {
  const today = () => londonDateOf(context.now());
  jsonPost(
    app,
    {
      path: calculator.path,
      summary: calculator.summary,
      description: calculator.description,
      allow: 'signed-in',
      body: () => calculator.request(today()),
      response: calculator.response,
      fieldProblems: (error) => riskRequestFieldProblems(error, calculator.name),
      handle: (_request, _reply, body) => calculator.calculate(body),
    },
    // The document is built once, with the day the app started: only "not in the future" checks depend on it.
    calculator.request(today()),
  );
}

const HOW = 'The explanation lists every input, coefficient and step of the arithmetic, to check by hand.';

export function riskRoutes(app: FastifyInstance, context: AppContext): void {
  calculatorRoute(app, context, {
    path: '/api/v1/calculators/ogrs3',
    name: 'OGRS3',
    summary: 'Work out OGRS3, the one- and two-year probability of proven reoffending, with the explanation',
    description: `Ages are whole completed years. Percentages are rounded half up and kept within 1–99; the unrounded probabilities are returned too. ${HOW}`,
    request: ogrs3Request,
    response: ogrs3Response,
    calculate: calculateOgrs3,
  });
  calculatorRoute(app, context, {
    path: '/api/v1/calculators/ogp',
    name: 'OGP',
    summary: 'Work out OGP, the OASys General reoffending Predictor, with the explanation',
    description: `Points from the OGRS3 two-year percentage and OASys answers, through a logistic curve. ${HOW}`,
    request: () => ogpRequest,
    response: ogpResponse,
    calculate: calculateOgp,
  });
  calculatorRoute(app, context, {
    path: '/api/v1/calculators/ovp',
    name: 'OVP',
    summary: 'Work out OVP, the OASys Violence Predictor, with the explanation',
    description: `Points from sanctions, age, sex and OASys answers, through a logistic curve. For people aged 18 or over at the start of follow-up. ${HOW}`,
    request: ovpRequest,
    response: ovpResponse,
    calculate: calculateOvp,
  });
  calculatorRoute(app, context, {
    path: '/api/v1/calculators/osp-dc',
    name: 'OSP/DC',
    summary:
      'Work out OSP/DC, the sexual reoffending predictor for direct contact offences, with the explanation',
    description: `For men; a woman's answer is "not applicable". The band drops one step after five offence-free years in the community. ${HOW}`,
    request: ospDcRequest,
    response: ospDcResponse,
    calculate: calculateOspDc,
  });
  calculatorRoute(app, context, {
    path: '/api/v1/calculators/osp-iic',
    name: 'OSP/IIC',
    summary: 'Work out OSP/IIC, the sexual reoffending predictor for indecent images and indirect contact',
    description: `For men; a woman's answer is "not applicable". ${HOW}`,
    request: () => ospIicRequest,
    response: ospIicResponse,
    calculate: calculateOspIic,
  });
  calculatorRoute(app, context, {
    path: '/api/v1/calculators/rm2000',
    name: 'RM2000',
    summary: 'Work out Risk Matrix 2000 (S, V and C) with the explanation. Its tables are APPROXIMATE',
    description: `For men aged 18 or over with a sexual conviction; otherwise the answer says why it does not apply. The tables have not been checked against Thornton's scoring guide: every answer carries approximateNotice, to be shown with the result. ${HOW}`,
    request: rm2000Request,
    response: rm2000Response,
    calculate: calculateRm2000,
  });
  specialistRoutes(app, context);
}
