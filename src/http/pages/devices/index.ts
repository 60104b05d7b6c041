import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { declareDeviceAction, deviceStepAction, devicesPage, myNumberAreasAction } from './devices.page.js';

/** 情報機器等の持込み and 特定個人情報の取扱区域 on a contract (seed 004). */
export function devicePages() {
  const app = new Hono<AppEnv>();
  const contract = `/contracts/:id${UUID_PARAM}`;
  app.get(`${contract}/devices`, signedIn, devicesPage);
  app.post(`${contract}/devices`, signedIn, declareDeviceAction);
  app.post(`${contract}/devices/:deviceId${UUID_PARAM}/act`, signedIn, deviceStepAction);
  app.post(`${contract}/my-number/areas`, signedIn, myNumberAreasAction);
  return app;
}
